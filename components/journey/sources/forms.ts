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
 * A field's error is recorded once per task: sites often check a form twice in one go
 * (`checkValidity()`, then `reportValidity()`), which fires every `invalid` twice.
 */
export function watchForms(emit: Emit): void {
  const thisTask = new Set<string>();
  // `invalid` does not bubble: listen in the capture phase.
  document.addEventListener(
    'invalid',
    guarded(({ target }: Event) => {
      const field = target as Field;
      const error = {
        form: formName(field.form),
        field: field.getAttribute('name') || field.id || field.type,
        message: withoutValue(field.validationMessage, field.value),
      };
      const key = JSON.stringify(error);
      if (thisTask.has(key)) return;
      if (thisTask.size === 0) setTimeout(() => thisTask.clear());
      thisTask.add(key);
      emit({ type: 'form_error', ...error });
    }),
    true,
  );
}

/** Its id, name or label; "" for none (the agent's card then names the page). */
function formName(form: HTMLFormElement | null): string {
  // getAttribute, because `form.id` would be a field named "id".
  return (
    form?.getAttribute('id') || form?.getAttribute('name') || form?.getAttribute('aria-label') || ''
  );
}
