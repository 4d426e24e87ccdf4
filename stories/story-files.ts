import type { FakeHub } from '../components/core/testing/fake-hub.js';

/** A small drawn PNG (a "photo" of a parcel), made in the browser so stories need no asset files. */
export function samplePhoto(name = 'parcel.png'): File {
  const canvas = document.createElement('canvas');
  [canvas.width, canvas.height] = [160, 110];
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#e8d3a9';
  context.fillRect(0, 0, 160, 110);
  context.fillStyle = '#b5894b';
  context.fillRect(30, 25, 100, 60);
  context.strokeStyle = '#5a3d1a';
  context.lineWidth = 4;
  context.strokeRect(30, 25, 100, 60);
  const bytes = Uint8Array.from(atob(canvas.toDataURL('image/png').split(',')[1]!), (char) =>
    char.charCodeAt(0),
  );
  return new File([bytes], name, { type: 'image/png' });
}

export function samplePdf(name = 'order-1042.pdf'): File {
  return new File(['%PDF-1.4\n% sample\n%%EOF\n'], name, { type: 'application/pdf' });
}

/**
 * Lets widgets that were handed one fake connection (not the hub) still find the fake hub's
 * widget settings and uploads, as they look for them on `settings.connection`.
 */
export function withHubFiles<T extends object>(connection: T, hub: FakeHub): T {
  return Object.assign(connection, {
    widgetSettings: () => hub.widgetSettings(),
    uploadAttachment: hub.uploadAttachment.bind(hub),
  });
}
