import { guarded, type Emit } from '../facts.js';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Form fields the browser refused to submit, with the message the customer saw. Reads the
 * field's name and `validationMessage`, never its value.
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
        message: field.validationMessage,
      });
    }),
    true,
  );
}
