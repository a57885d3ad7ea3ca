// A typedoc plugin: zod's `z.enum(['a', 'b'])` has the type `{ a: 'a'; b: 'b' }`, whose entries
// typedoc lists as properties with no comment (nothing in the source can carry one). Each such
// entry, a property whose type is the string literal of its own name, is documented as that
// value, so that `validation.notDocumented` with `Property` required checks every real field.
import { Comment, Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Property)) {
      const type = reflection.type;
      if (!reflection.comment && type?.type === 'literal' && type.value === reflection.name) {
        reflection.comment = new Comment([
          { kind: 'text', text: 'The value ' },
          { kind: 'code', text: `\`"${reflection.name}"\`` },
          { kind: 'text', text: '.' },
        ]);
      }
    }
  });
}
