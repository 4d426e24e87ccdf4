import { guarded, type Emit } from '../facts.js';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Browsers quote what was typed in some messages ("'jo@' is missing a domain"): the value is
 * read only to cut it out. A one-character value is cut only where quoted, so ordinary
 * letters of the message survive.
 */
function withoutValue(message: string, value: string): string {
  if (!value) return message;
  const typed = value.length > 1 ? value : `'${value}'`;
  return message.split(typed).join('…');
}

/**
 * Form fields the browser refused to submit, with the message the customer saw, minus
 * anything typed. Reads the field's name and `validationMessage`; the value never leaves.
 */
export function watchForms(emit: Emit): void {
  // `invalid` does not bubble: listen in the capture phase.
  document.addEventListener(
    'invalid',
    guarded(({ target }: Event) => {
      const field = target as Field;
      // getAttribute, because `form.id` would be a field named "id".
      const form = field.form;
      emit({
        type: 'form_error',
        form: form?.getAttribute('id') || form?.getAttribute('name') || '',
        field: field.getAttribute('name') || field.id || field.type,
        message: withoutValue(field.validationMessage, field.value),
      });
    }),
    true,
  );
}
