import { writeFileSync } from 'node:fs';
import { InnovationSchema } from '../src/record/innovation.js';
import { fieldsMarkdown } from './fields.js';
import { recordShape } from './record-shape.js';
import { schemas, serialise } from './schemas.js';

for (const [name, schema] of Object.entries(schemas())) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), serialise(schema));
  console.log(`wrote schema/${name}`);
}

writeFileSync(new URL('../docs/fields.md', import.meta.url), fieldsMarkdown());
console.log('wrote docs/fields.md');

writeFileSync(
  new URL('../src/record/_record-shape.json', import.meta.url),
  `${JSON.stringify(recordShape(), null, 2)}\n`,
);
console.log('wrote src/record/_record-shape.json');
writeFileSync(
  new URL('../src/record/_record-fields.json', import.meta.url),
  `${JSON.stringify(Object.keys(InnovationSchema.shape), null, 2)}\n`,
);
console.log('wrote src/record/_record-fields.json');
