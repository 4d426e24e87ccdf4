import { guarded, type Emit } from '../facts.js';

/** Uncaught errors and unhandled promise rejections of the page. */
export function watchErrors(emit: Emit): void {
  // Failed <img>/<script> loads also reach window, but only in the capture phase: not here.
  addEventListener(
    'error',
    guarded((event: ErrorEvent) =>
      emit({
        type: 'js_error',
        message: String(event.message || event.error),
        source: event.filename || undefined,
        line: event.lineno || undefined,
      }),
    ),
  );
  addEventListener(
    'unhandledrejection',
    guarded(({ reason }: PromiseRejectionEvent) =>
      emit({ type: 'js_error', message: String(reason?.message ?? reason) }),
    ),
  );
}
