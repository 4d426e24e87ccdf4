/** What a desktop notification says, and what a click on it opens. */
export interface DeskNotice {
  title: string;
  body: string;
  /** One per conversation: a newer notification of it replaces the older. */
  tag: string;
  lang: string;
  /** After the desk's window comes forward. */
  onClick(): void;
}

/**
 * The agent's "Desktop notifications": the system's notifications, for when the desk's tab
 * is hidden (another tab in front, the window minimized). Off until the agent turns them on,
 * which asks the browser's permission; the choice is kept in this browser.
 */
export class DeskNotifications {
  #wanted = preference.read();

  /** `onChange`: the answer to the permission prompt arrived (the switch shows it). */
  constructor(private readonly onChange: () => void) {}

  /** This browser can show notifications. */
  get supported(): boolean {
    return typeof Notification === 'function';
  }

  /** The agent turned them on and the browser allows them. */
  get on(): boolean {
    return this.#wanted && this.permission === 'granted';
  }

  /** The browser refuses them for this page: only its site settings can allow them again. */
  get blocked(): boolean {
    return this.#wanted && this.permission === 'denied';
  }

  get permission(): NotificationPermission {
    return this.supported ? Notification.permission : 'denied';
  }

  /** Turns them on (asking the browser's permission first, once) or off. */
  async set(on: boolean): Promise<void> {
    this.#wanted = on;
    preference.write(on);
    if (on && this.permission === 'default') await Notification.requestPermission();
    this.onChange();
  }

  show(notice: DeskNotice): void {
    if (!this.on) return;
    const { title, body, tag, lang, onClick } = notice;
    try {
      const shown = new Notification(title, { body, tag, lang });
      shown.onclick = () => {
        window.focus();
        onClick();
        shown.close();
      };
    } catch {
      // Android's Chrome shows notifications only through a service worker: none there.
    }
  }
}

const preferenceKey = 'cxkit.desk.notifications';

/** Kept in this browser: off unless the agent turned them on. */
const preference = {
  read(): boolean {
    try {
      return localStorage.getItem(preferenceKey) === 'on';
    } catch {
      return false;
    }
  },
  write(on: boolean): void {
    try {
      if (on) localStorage.setItem(preferenceKey, 'on');
      else localStorage.removeItem(preferenceKey);
    } catch {
      // Storage blocked: the choice lasts as long as the page.
    }
  },
};
