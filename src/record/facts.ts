import fields from './_record-fields.json' with { type: 'json' };
import type { Innovation } from './innovation.js';
import { affairAuthorityOf, authorityOf, levelOfPemda } from './kewenangan.js';
import { findUrusan } from './urusan.js';

/**
 * The facts a rule set's conditions can read: every field of the innovation record, plus a few
 * facts derived from it (lookups and year arithmetic that json-rules-engine's condition syntax
 * cannot express). A reason always points at the record field a derived fact comes from.
 */

/** Derived facts: name → the record fields it is computed from (what a reason points at). */
export const DERIVED_FACTS: Readonly<Record<string, readonly string[]>> = {
  /** The urusan group of each of the record's urusan, in order (`absolut`, `pilihan`, …). */
  urusanKelompok: ['urusan'],
  /**
   * How the record's sub-affairs (`subUrusan`) stand against its region's level (`tingkatPemda`,
   * else read from `pemda`): `sesuai`, `di_luar`, `perlu_ditinjau` or `belum_ditentukan`.
   */
  kewenanganTingkat: ['subUrusan', 'tingkatPemda', 'pemda'],
  /**
   * How the record's affairs (`urusan`) stand against its region's level where UU 23/2014
   * splits a whole affair (Pasal 14: forestry, marine affairs, energy): `sesuai`, `di_luar` (the
   * main affair is held by other levels, and no sub-affair is one of the law's exceptions) or
   * `perlu_ditinjau` (another listed affair is); absent when the level is not known.
   */
  kewenanganUrusan: ['urusan', 'subUrusan', 'tingkatPemda', 'pemda'],
  /** The reporting year minus one (T-1). */
  tahunT1: ['tahun'],
  /** The reporting year minus two (T-2). */
  tahunT2: ['tahun'],
  /**
   * Whole months from the start of implementation (`waktuPenerapan`) to the competition's
   * registration close date (`kipp.tanggalTutupPendaftaran`): KIPP's implementation age.
   */
  usiaPenerapanBulan: ['waktuPenerapan', 'kipp.tanggalTutupPendaftaran'],
  /**
   * Whole months from the start of implementation (`waktuPenerapan`) to KOVABLIK's registration
   * close date (`kovablik.tanggalTutupPendaftaran`): KOVABLIK's implementation age.
   */
  kovablikUsiaPenerapanBulan: ['waktuPenerapan', 'kovablik.tanggalTutupPendaftaran'],
  /** Whether the innovation was a KOVABLIK *Top Inovasi Terpuji* (`kovablik.penghargaan`). */
  kovablikPernahTopTerpuji: ['kovablik.penghargaan'],
  /**
   * Whole years from the latest KOVABLIK *Top Inovasi Terpuji* award to the year registration
   * closes (`kovablik.tanggalTutupPendaftaran`); absent when it never was one.
   */
  kovablikTahunSejakTopTerpuji: ['kovablik.penghargaan', 'kovablik.tanggalTutupPendaftaran'],
  /** How many times the innovation was in a KIPP Top 99 list (`kipp.penghargaan`). */
  kippJumlahTop99: ['kipp.penghargaan'],
  /** Whether the innovation won a top tier of KIPP (Top 45/40/35/25/9 or a Khusus top). */
  kippPernahTop: ['kipp.penghargaan'],
};

/** Whole months from one ISO date to another (negative when the second is earlier). */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * Builds the facts object for one record: its own fields and the derived facts.
 *
 * @internal
 */
export function factsOf(record: Innovation): Record<string, unknown> {
  const facts: Record<string, unknown> = Object.create(null);
  for (const key of RECORD_FIELDS) {
    const value = (record as Record<string, unknown>)[key];
    if (value !== undefined && value !== null) facts[key] = value;
  }
  if (record.urusan) {
    facts.urusanKelompok = record.urusan.map((id) => findUrusan(id)?.group);
  }
  const level = record.tingkatPemda ?? levelOfPemda(record.pemda);
  facts.kewenanganTingkat = authorityOf(record.subUrusan, level);
  const byAffair = affairAuthorityOf(record.urusan, record.subUrusan, level);
  if (byAffair !== undefined) facts.kewenanganUrusan = byAffair;
  if (typeof record.tahun === 'number') {
    facts.tahunT1 = record.tahun - 1;
    facts.tahunT2 = record.tahun - 2;
  }
  const kipp = record.kipp;
  if (record.waktuPenerapan && kipp?.tanggalTutupPendaftaran) {
    facts.usiaPenerapanBulan = monthsBetween(record.waktuPenerapan, kipp.tanggalTutupPendaftaran);
  }
  const kovablikClose = record.kovablik?.tanggalTutupPendaftaran;
  if (record.waktuPenerapan && kovablikClose) {
    facts.kovablikUsiaPenerapanBulan = monthsBetween(record.waktuPenerapan, kovablikClose);
  }
  const kovablikAwards = record.kovablik?.penghargaan;
  if (kovablikAwards) {
    const topYears = kovablikAwards
      .filter((a) => a.peringkat === 'top_terpuji')
      .map((a) => a.tahun);
    facts.kovablikPernahTopTerpuji = topYears.length > 0;
    if (topYears.length > 0 && kovablikClose) {
      facts.kovablikTahunSejakTopTerpuji =
        Number(kovablikClose.slice(0, 4)) - Math.max(...topYears);
    }
  }
  if (kipp?.penghargaan) {
    facts.kippJumlahTop99 = kipp.penghargaan.filter((a) => a.peringkat === 'top_99').length;
    facts.kippPernahTop = kipp.penghargaan.some(
      (a) => a.peringkat === 'top' || a.peringkat === 'top_khusus',
    );
  }
  return facts;
}

/**
 * The record fields a condition reads, given its fact and optional path: the field itself, or
 * the fields a derived fact is computed from.
 *
 * @internal
 */
export function fieldsOf(fact: string, path?: string): readonly string[] {
  const sources = Object.hasOwn(DERIVED_FACTS, fact) ? DERIVED_FACTS[fact] : undefined;
  if (sources) return sources;
  return [path ? `${fact}.${path}` : fact];
}

/**
 * The record's top-level fields: the facts a condition may name besides the derived ones.
 * Written from `InnovationSchema` by `npm run schema` (a test keeps the file current), so that
 * evaluating needs no zod.
 */
export const RECORD_FIELDS: readonly string[] = fields;
