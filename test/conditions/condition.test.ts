import { describe, expect, it } from 'vitest';
import { type Condition, fieldsRead, forEachLeaf } from '../../src/conditions/condition.js';

describe('walking a valid tree', () => {
  const tree = {
    all: [
      {
        fact: 'indikator',
        path: 'sdm.jumlah',
        operator: 'greaterThan',
        value: { fact: 'indikator', path: 'sdm.target' },
      },
      { not: { fact: 'urusanKelompok', operator: 'contains', value: 'absolut' } },
      {
        any: [
          { fact: 'tahapan', operator: 'equal', value: 'penerapan' },
          { fact: 'tahun', operator: 'greaterThan', value: { fact: 'tahunT1' } },
        ],
      },
    ],
  } as Condition;

  it('visits every leaf in document order', () => {
    const facts: string[] = [];
    forEachLeaf(tree, (leaf) => facts.push(leaf.fact));
    expect(facts).toStrictEqual(['indikator', 'urusanKelompok', 'tahapan', 'tahun']);
  });

  it('lists the record fields read, each once, the compared fact included', () => {
    expect(fieldsRead(tree)).toStrictEqual([
      'indikator.sdm.jumlah',
      'indikator.sdm.target',
      'urusan',
      'tahapan',
      'tahun',
    ]);
  });
});
