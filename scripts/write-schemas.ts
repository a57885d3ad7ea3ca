import { writeFileSync } from 'node:fs';
import { schemas, serialise } from './schemas.js';

for (const [name, schema] of Object.entries(schemas())) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), serialise(schema));
  console.log(`wrote schema/${name}`);
}
