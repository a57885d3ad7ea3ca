import * as z from 'zod';
import { toSubUrusanId } from './kewenangan.js';
import { toUrusanId } from './urusan.js';

const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
const count = z.number().int().nonnegative();
const year = z.number().int().min(1900).max(2200);

/**
 * Builds the record schemas. Forms send `null` for an input left empty, which means "not
 * given", exactly like a missing key: the public schemas accept it. A second build without the
 * null branches parses the (usual) records that hold no null at all a good deal faster.
 */
function buildSchemas(acceptNull: boolean) {
  // Typed as the nullish form in both builds: the null-free build accepts a subset of it.
  const optional = <T extends z.ZodType>(schema: T) =>
    (acceptNull ? schema.nullish() : schema.optional()) as z.ZodOptional<z.ZodNullable<T>>;

  /**
   * An evidence document (*bukti dukung*) attached to an IGA indicator.
   */
  const BuktiSchema = z.object({
    /** Kind of document, e.g. `sk`, `foto`, `laporan`. */
    jenis: z.string().trim().min(1),
    /** Title of the document. */
    nama: optional(z.string()),
    /** The document's number (*nomor surat*), e.g. `188.45/123/KEP/422.012/2023`. */
    nomor: optional(z.string()),
    /** Date of the document. */
    tanggal: optional(isoDate),
    /** Its subject (*tentang*), as written in the document. */
    tentang: optional(z.string()),
    /** Where it can be read: a file name or a URL. */
    url: optional(z.string()),
  });

  const indicator = <T extends z.ZodRawShape>(shape: T) =>
    z.object({
      ...shape,
      /** The evidence documents (*bukti dukung*): what makes the indicator's points count. */
      bukti: optional(z.array(BuktiSchema)),
    });

  /** Bases on which the benefit (*kemanfaatan*) of an innovation can be measured. */
  const KemanfaatanBasisSchema = z.enum([
    'penerima',
    'cakupan_unit',
    'efisiensi_belanja',
    'pendapatan',
    'produk',
    'tren_kinerja',
  ]);

  /**
   * The per-innovation IGA indicators 16–35 (*Satuan Inovasi Daerah*), each with its evidence.
   * Every entry is optional: a missing one scores 0 and is reported as missing.
   */
  const IndikatorSchema = z.looseObject({
    /** 16. Regulasi inovasi daerah: the instrument that names the innovation. */
    regulasi: optional(
      indicator({
        /**
         * The instrument: `sk_kepala_perangkat_daerah` (a decree of the agency head: level 1 in
         * the 2023 edition, nothing in 2026), `sk_kepala_daerah` (level 1 in 2026, 2 in 2023),
         * `perkada` (2 in 2026, 3 in 2023) or `perda` (3).
         */
        jenis: optional(
          z.enum(['sk_kepala_perangkat_daerah', 'sk_kepala_daerah', 'perkada', 'perda']),
        ),
      }),
    ),
    /** 17. Ketersediaan SDM: the staff who run the innovation. */
    sdm: optional(
      indicator({
        /** Number of staff: 1–10 (level 1), 11–30 (2), 31 or more (3). */
        jumlah: optional(count),
      }),
    ),
    /** 18. Dukungan anggaran: budget years that fund it. */
    anggaran: optional(
      indicator({
        /** Budget years: one of T-0, T-1, T-2 (level 1), two consecutive (2), all three (3). */
        tahun: optional(z.array(year)),
      }),
    ),
    /** 19. Alat kerja: the tools it works with. */
    alatKerja: optional(
      indicator({
        /** `manual` (level 1), `elektronik` (2) or `daring`, an online system (3). */
        jenis: optional(z.enum(['manual', 'elektronik', 'daring'])),
      }),
    ),
    /** 20. Bimtek: technical trainings on the innovation in T-2..T-0. */
    bimtek: optional(
      indicator({
        /** Number of trainings: 1 (level 1), 2 (2), 3 or more (3). */
        jumlah: optional(count),
      }),
    ),
    /** 21. Integrasi dalam RKPD: the regional work plans that list it. */
    rkpd: optional(
      indicator({
        /** RKPD years: T-1 or T-2 (level 1), both (2), T-0, T-1 and T-2 (3). */
        tahun: optional(z.array(year)),
      }),
    ),
    /** 22. Keterlibatan aktor: the pentahelix actors involved. */
    aktor: optional(
      indicator({
        /** Number of actors, the implementer included: 3 (level 1), 4 (2), 5 or more (3). */
        jumlah: optional(count),
      }),
    ),
    /** 23. Pelaksana inovasi: who assigned the implementers. */
    pelaksana: optional(
      indicator({
        /** `tanpa_surat` (level 1), `surat_penugasan_kepala_pd` (2) or `sk_kepala_daerah` (3). */
        jenis: optional(z.enum(['tanpa_surat', 'surat_penugasan_kepala_pd', 'sk_kepala_daerah'])),
      }),
    ),
    /** 24. Jejaring inovasi: the agencies involved. */
    jejaring: optional(
      indicator({
        /** Number of agencies: 2 (level 1), 3–4 (2), 5 or more (3). */
        jumlahPd: optional(count),
      }),
    ),
    /** 25. Sosialisasi: how the innovation is made known. */
    sosialisasi: optional(
      indicator({
        /** `banner` (level 1), `media_pemda`, the region's own media (2), or `media_massa` (3). */
        jenis: optional(z.enum(['banner', 'media_pemda', 'media_massa'])),
      }),
    ),
    /** 26. Pedoman teknis: the innovation's manual. */
    pedomanTeknis: optional(
      indicator({
        /** `cetak`, printed (level 1), `elektronik`, an e-book (2), or `daring`, online (3). */
        jenis: optional(z.enum(['cetak', 'elektronik', 'daring'])),
      }),
    ),
    /** 27. Kemudahan informasi layanan: channels of information about the service. */
    informasiLayanan: optional(
      indicator({
        /** Channels of the four (manual, hotline, social media, online): 1, 2, 3 or more. */
        kanal: optional(count.max(4)),
      }),
    ),
    /** 28. Kemudahan proses: the service's turnaround. */
    prosesLayanan: optional(
      indicator({
        /** Calendar days: 6 or more (level 1), 2–5 (2), 1 or less (3). */
        hari: optional(z.number().nonnegative()),
      }),
    ),
    /** 29. Penyelesaian pengaduan: complaints resolved. */
    pengaduan: optional(
      indicator({
        /** Percent resolved: up to 50 (level 1), over 50 and under 91 (2), 91 or more (3). */
        persenSelesai: optional(z.number().min(0).max(100)),
      }),
    ),
    /** 30. Layanan terintegrasi: how far the service is integrated. */
    layananTerintegrasi: optional(
      indicator({
        /** `mandiri` (level 1), `satu_unit` (2) or `lintas_unit`, across units or affairs (3). */
        jenis: optional(z.enum(['mandiri', 'satu_unit', 'lintas_unit'])),
      }),
    ),
    /** 31. Replikasi: regions that replicated it. */
    replikasi: optional(
      indicator({
        /** Number of regions: 1 (level 1), 2 (2), 3 or more (3). */
        jumlah: optional(count),
      }),
    ),
    /** 32. Kecepatan penciptaan: months from idea to innovation. */
    kecepatanPenciptaan: optional(
      indicator({
        /** Months: more than 8 (level 1), more than 4 up to 8 (2), 4 or less (3). */
        bulan: optional(z.number().nonnegative()),
      }),
    ),
    /** 33. Kemanfaatan: the benefit, measured on one basis. */
    kemanfaatan: optional(
      indicator({
        /** The basis: `penerima`, `cakupan_unit`, `efisiensi_belanja`, `pendapatan`, `produk` or `tren_kinerja`. */
        basis: optional(KemanfaatanBasisSchema),
        /** The measure on that basis (persons, percent, units or periods; thresholds per basis). */
        nilai: optional(z.number().nonnegative()),
      }),
    ),
    /** 34. Monev: monitoring and evaluation of the innovation. */
    monev: optional(
      indicator({
        /** `internal` report (level 1), `survei_kepuasan`, a satisfaction survey (2), or `eksternal` study (3). */
        jenis: optional(z.enum(['internal', 'survei_kepuasan', 'eksternal'])),
      }),
    ),
    /** 35. Video inovasi: a video of at most five minutes. */
    video: optional(
      indicator({
        /** Its parts of the five (background, idea capture, idea selection, benefits, impact): 1–2, 3–4, 5. */
        substansi: optional(z.number().int().min(0).max(5)),
      }),
    ),
  });

  const urusanId = z.string().transform(toUrusanId);
  const subUrusanId = z.string().transform(toSubUrusanId);

  const nonBlank = z.string().trim().min(1, { error: 'must not be blank' });

  const KippSchema = z.looseObject({
    /** Group (*kelompok*): `umum`, `replikasi` or `khusus`. */
    kelompok: optional(z.enum(['umum', 'replikasi', 'khusus'])),
    /** The edition's registration close date; implementation age is counted back from it. */
    tanggalTutupPendaftaran: optional(isoDate),
    /** Prior KIPP awards: `top_99`, `top` (the year's top tier: Top 9/25/35/40/45) or `top_khusus`. */
    penghargaan: optional(
      z.array(
        z.object({
          /** The year of the award. */
          tahun: year,
          /** The tier reached. */
          peringkat: z.enum(['top_99', 'top', 'top_khusus']),
        }),
      ),
    ),
    /** The KIPP Top innovation this one replicates (group `replikasi`). */
    replikasiDari: optional(z.string()),
    /** SDGs (1–17) the innovation contributes to. */
    sdgs: optional(z.array(z.number().int().min(1).max(17))),
    /** The innovation is a web or mobile application. */
    aplikasi: optional(z.boolean()),
    /** The SPBE (e-government) questionnaire was answered. */
    kuesionerSpbe: optional(z.boolean()),
    /** The innovation handles the COVID-19 pandemic (the KIPP 2022 exception). */
    penangananPandemi: optional(z.boolean()),
    /** The same title is used by another proposal. */
    judulGanda: optional(z.boolean()),
    /**
     * The competition category (*kategori*) chosen in the edition's list, e.g.
     * `pelayanan_publik_inklusif` (KIPP 2022).
     */
    kategori: optional(z.string().trim().min(1)),
    /**
     * Who proposes it: `kementerian_lembaga` (a ministry or agency), `pemda` (a regional
     * government), `bumn` or `bumd` (state- or region-owned enterprise).
     */
    jenisInstansi: optional(z.enum(['kementerian_lembaga', 'pemda', 'bumn', 'bumd'])),
    /** How many proposals the proposing instansi sends to this edition, this one included. */
    jumlahUsulanInstansi: optional(count.min(1)),
    /** The Tim Evaluasi's score of the proposal (0–100), once it is known. */
    nilaiEvaluasi: optional(z.number().min(0).max(100)),
  });

  const ProposalSchema = z.looseObject({
    /** *Ringkasan*: summary. */
    ringkasan: optional(z.string()),
    /** *Latar belakang dan tujuan*: problem, target group, measurable aims. */
    latarBelakangTujuan: optional(z.string()),
    /** *Kebaruan / nilai tambah*: the idea and its added value. */
    kebaruan: optional(z.string()),
    /** *Implementasi*: how the problem was solved. */
    implementasi: optional(z.string()),
    /** *Signifikansi*: impact before and after, and how it was measured. */
    signifikansi: optional(z.string()),
    /** *Adaptabilitas*: replication so far and its potential. */
    adaptabilitas: optional(z.string()),
    /** *Sumber daya*: finance, staff, method, equipment. */
    sumberDaya: optional(z.string()),
    /** *Strategi keberlanjutan*: institutional, managerial and social. */
    strategiKeberlanjutan: optional(z.string()),
  });

  const documents = optional(z.array(BuktiSchema));
  const LabinovSchema = z.looseObject({
    /** The stage reached in LAN's 5D: `drum_up`, `diagnose`, `design`, `deliver` or `display`. */
    tahap: optional(z.enum(['drum_up', 'diagnose', 'design', 'deliver', 'display'])),
    /** The innovation is documented (the "+1" of 5D+1). */
    dokumentasi: optional(z.boolean()),
    /** Evidence of each stage, by stage id (and `documentation`). */
    bukti: optional(
      z.looseObject({
        /** Drum-up: the will to innovate (a commitment, an agreement). */
        drum_up: documents,
        /** Diagnose: the problem map and the ideas. */
        diagnose: documents,
        /** Design: the action plan. */
        design: documents,
        /** Deliver: the results. */
        deliver: documents,
        /** Display: the launch or exhibition. */
        display: documents,
        /** Documentation: the innovation's document. */
        documentation: documents,
      }),
    ),
  });

  const score = z.number().min(0).max(100);
  const KovablikSchema = z.looseObject({
    /** Group (*kelompok*): `umum`, `replikasi` or `khusus`. */
    kelompok: optional(z.enum(['umum', 'replikasi', 'khusus'])),
    /** The edition's registration close date; implementation age is counted back from it. */
    tanggalTutupPendaftaran: optional(isoDate),
    /**
     * Prior KOVABLIK awards, by year: `top_terpuji` (a *Top Inovasi Terpuji*: Top 25 of
     * 2016–2019, Top 30 of 2020) or `top_45` (in a Top 45 list without the top tier).
     */
    penghargaan: optional(
      z.array(
        z.object({
          /** The year of the award. */
          tahun: year,
          /** The tier reached. */
          peringkat: z.enum(['top_terpuji', 'top_45']),
        }),
      ),
    ),
    /** The KOVABLIK Top 45 innovation this one adapts (group `replikasi`). */
    replikasiDari: optional(z.string()),
    /** The Biro Organisasi invited the innovation (group `khusus` is by invitation only). */
    undangan: optional(z.boolean()),
    /**
     * Who proposes it: `provinsi` (the province's own agencies), `kabupaten_kota` (a regency or
     * city) or `bumd` (a region-owned enterprise).
     */
    jenisPeserta: optional(z.enum(['provinsi', 'kabupaten_kota', 'bumd'])),
    /** How many group `umum` proposals the participant sends to this edition, this one included. */
    jumlahUsulanUmum: optional(count.min(1)),
    /** The proposal says how the innovation served during the COVID-19 pandemic (2022). */
    informasiCovid: optional(z.boolean()),
    /** The service standard (*Standar Pelayanan*) of the service, linked or uploaded. */
    standarPelayanan: documents,
    /** The service declaration (*Maklumat Pelayanan*), linked or uploaded. */
    maklumatPelayanan: documents,
    /** The decree on complaint handling (*SK pengelolaan pengaduan*), linked or uploaded. */
    skPengaduan: documents,
    /** Stage I, the proposal: section scores 0–100. */
    proposal: optional(
      z.looseObject({
        /** Background (*latar belakang*). */
        latarBelakang: optional(score),
        /** Novelty (*kebaruan*). */
        kebaruan: optional(score),
        /** Implementation (*implementasi*). */
        implementasi: optional(score),
        /** Significance (*signifikansi*). */
        signifikansi: optional(score),
        /** Adaptability (*adaptabilitas*). */
        adaptabilitas: optional(score),
        /** Resources (*sumber daya*). */
        sumberDaya: optional(score),
        /** Sustainability (*keberlanjutan*). */
        keberlanjutan: optional(score),
      }),
    ),
    /** Stage II, presentation and interview: scores 0–100. */
    presentasi: optional(
      z.looseObject({
        /** The presentation (*paparan*). */
        paparan: optional(score),
        /** Its content (*materi*). */
        materi: optional(score),
        /** The video. */
        video: optional(score),
        /** Attendance of the head of region (*kehadiran*). */
        kehadiran: optional(score),
      }),
    ),
  });

  /**
   * The innovation record (*inovasi daerah*): the library's input contract, as apps, forms and
   * files hand it over. Every field is optional except `nama`, so a half-filled draft is valid
   * and gets the verdict `incomplete`. Unknown extra fields are kept and ignored. Urusan codes
   * (`1.01`) are accepted in place of ids and normalised to ids.
   */
  const InnovationSchema = z.looseObject({
    /** The caller's id, echoed back in the evaluation. */
    id: optional(z.union([z.string(), z.number()])),
    /** Name of the innovation. */
    nama: nonBlank,
    /** Region (*pemerintah daerah*), e.g. "Kota Batu". */
    pemda: optional(z.string()),
    /** The *perangkat daerah* (agency, OPD) that runs it. */
    opd: optional(z.string()),
    /** Its Eselon III unit (bagian, bidang, UPT). */
    unitKerja: optional(z.string()),
    /** Reporting year: T-0 of every year-relative rule. */
    tahun: optional(year),
    /** Who proposed it (*inisiator*). */
    inisiator: optional(
      z.enum(['kepala_daerah', 'anggota_dprd', 'asn', 'perangkat_daerah', 'masyarakat']),
    ),
    /** Form of innovation under PP 38/2017 (*bentuk*). */
    bentuk: optional(z.enum(['tata_kelola', 'pelayanan_publik', 'lainnya'])),
    /** Digital or not (*jenis*). */
    jenis: optional(z.enum(['digital', 'non_digital'])),
    /** Government affairs (*urusan*), the first being the main one. */
    urusan: optional(z.array(urusanId)),
    /**
     * Sub-affairs (*sub-urusan*) the innovation works in, from the sub-urusan catalogue (e.g.
     * `pendidikan_menengah`): checked against the region's level (UU 23/2014's annex).
     */
    subUrusan: optional(z.array(subUrusanId)),
    /**
     * Level of the region (*tingkat pemerintah daerah*): `provinsi`, `kabupaten` or `kota`. When
     * absent it is read from `pemda` (`Kota Batu`, `Kabupaten Malang`, `Provinsi Jawa Timur`).
     */
    tingkatPemda: optional(z.enum(['provinsi', 'kabupaten', 'kota'])),
    /**
     * Earlier IGA entries of this innovation: the edition's year and, when known, the kematangan
     * it scored then. Verifiers accept an innovation at most twice, and only when it has matured.
     */
    riwayatIga: optional(
      z.array(
        z.object({
          /** Year of the IGA edition it was entered in. */
          tahun: year,
          /** Its skor kematangan in that edition. */
          skor: optional(z.number().min(0).max(111)),
        }),
      ),
    ),
    /** Stage (*tahapan*). */
    tahapan: optional(z.enum(['inisiatif', 'uji_coba', 'penerapan'])),
    /** Start of the trial (*uji coba*). */
    waktuUjiCoba: optional(isoDate),
    /** Start of implementation (*penerapan*). */
    waktuPenerapan: optional(isoDate),
    /**
     * Date of the latest development (*pengembangan terbaru*): when the innovation was last
     * developed further. Real 2024–2026 apps accept an innovation implemented before an
     * edition's window when its latest development lies inside it; never re-date
     * `waktuPenerapan` to it.
     */
    waktuPengembangan: optional(isoDate),
    /** What that development changed (*uraian pengembangan*). */
    pengembangan: optional(z.string()),
    /** Documents of that development (a decree, a report of the new version). */
    buktiPengembangan: documents,
    /** Design (*rancang bangun*). */
    rancangBangun: optional(z.string()),
    /** Aims (*tujuan*). */
    tujuan: optional(z.string()),
    /** Benefits (*manfaat*). */
    manfaat: optional(z.string()),
    /** Results (*hasil*). */
    hasil: optional(z.string()),
    /** Criterion 1: renewal of all, part or none of its elements. */
    kebaruan: optional(z.enum(['seluruh', 'sebagian', 'tidak'])),
    /** Criterion 2: kinds of benefit. */
    manfaatBagi: optional(
      z.array(
        z.enum(['pendapatan_daerah', 'penghematan_belanja', 'capaian_kinerja', 'mutu_pelayanan']),
      ),
    ),
    /** Criterion 2: aimed at a person's or group's own interest. */
    untukKepentinganPribadi: optional(z.boolean()),
    /** Criterion 4a: imposes a levy or other obligation on citizens. */
    pungutanBaru: optional(z.boolean()),
    /** Criterion 4a: that levy rests on a regulation. */
    pungutanSesuaiPeraturan: optional(z.boolean()),
    /** Criterion 4b: restricts access to a service or a right. */
    membatasiAkses: optional(z.boolean()),
    /** Criterion 5: replicable. */
    dapatDireplikasi: optional(z.boolean()),
    /** Criterion 6: what a replicating region or agency needs (*prasyarat replikasi*). */
    prasyaratReplikasi: optional(z.string()),
    /** IGA evidence: the per-innovation indicators 16–35. */
    indikator: optional(IndikatorSchema),
    /** KIPP (KemenPANRB) proposal administration: group, dates, prior awards, SDGs, SPBE. */
    kipp: optional(KippSchema),
    /** The proposal's narrative sections, as SINOVIK and KOVABLIK ask for them. */
    proposal: optional(ProposalSchema),
    /** LAN's Laboratorium Inovasi: the 5D stage reached and each stage's evidence. */
    labinov: optional(LabinovSchema),
    /** KOVABLIK (Jawa Timur) evaluators' section scores, 0–100, by stage. */
    kovablik: optional(KovablikSchema),
    /**
     * Answers to a region's own questions (*pertanyaan daerah*), by question id: what a
     * Perwali/Perbup asks beyond the national record (`{ "ketua_tim": "Rina" }`). Each answer is
     * checked against the question its region's rule set declares (`questions`) when that rule
     * set is applied; answers no applied rule set asks for are kept and ignored.
     */
    daerah: optional(z.looseObject({})),
  });

  return { BuktiSchema, KemanfaatanBasisSchema, IndikatorSchema, InnovationSchema };
}

const schemas = buildSchemas(true);

/** An evidence document (*bukti dukung*) attached to an IGA indicator. */
export const BuktiSchema = schemas.BuktiSchema;

/** Bases on which the benefit (*kemanfaatan*) of an innovation can be measured. */
export const KemanfaatanBasisSchema = schemas.KemanfaatanBasisSchema;

/**
 * The per-innovation IGA indicators 16–35 (*Satuan Inovasi Daerah*), each with its evidence.
 * Every entry is optional: a missing one scores 0 and is reported as missing.
 */
export const IndikatorSchema = schemas.IndikatorSchema;

/**
 * The innovation record (*inovasi daerah*): the library's input contract, as apps, forms and
 * files hand it over. Every field is optional except `nama`, so a half-filled draft is valid
 * and gets the verdict `incomplete`. `null` means "not filled in". Unknown extra fields are
 * kept and ignored. Urusan codes (`1.01`) are accepted in place of ids and normalised to ids.
 */
export const InnovationSchema = schemas.InnovationSchema;

let nullFree: typeof InnovationSchema | undefined;

/**
 * The same schema without null branches, for input known to hold no `null`. Built on first
 * use: only a record the compiled reader does not vouch for needs it, and building it at import
 * cost the main entry's start-up about 4 ms.
 *
 * @internal
 */
export function nullFreeInnovationSchema(): typeof InnovationSchema {
  nullFree ??= buildSchemas(false).InnovationSchema;
  return nullFree;
}

/** An innovation record as accepted by {@link evaluate} (before validation). */
export type InnovationInput = z.input<typeof InnovationSchema>;

/** An innovation record after validation: urusan normalised to catalogue ids. */
export type Innovation = z.output<typeof InnovationSchema>;

/** The IGA indicator entries of a record. */
export type Indikator = z.output<typeof IndikatorSchema>;

/** One evidence document (*bukti*) attached to an indicator. */
export type Bukti = z.output<typeof BuktiSchema>;
