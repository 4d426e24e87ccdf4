/**
 * The page-level notices of unread messages (the chat panel closed, the agent desk in a
 * hidden tab): a prefix on the document title, and an optional short chime.
 */
export class TitleNotice {
  /** The page's own title while ours is shown; null when the title is the page's. */
  private original: string | null = null;
  private shown = '';

  constructor() {
    // The visitor came back to the tab: they have seen the notice (the badge stays).
    addEventListener('focus', this.restore);
  }

  disconnect(): void {
    removeEventListener('focus', this.restore);
    this.restore();
  }

  /** Shows `text` before the page's title ("(2) New messages · Shop"). */
  show(text: string): void {
    if (this.original === null || document.title !== this.shown) this.original = document.title;
    this.shown = this.original ? `${text} · ${this.original}` : text;
    document.title = this.shown;
  }

  /** Gives the page its title back, unless the page changed it meanwhile. */
  readonly restore = (): void => {
    if (this.original !== null && document.title === this.shown) document.title = this.original;
    this.original = null;
  };
}

let audio: AudioContext | undefined;

/**
 * A short, quiet two-note chime made with WebAudio (no file to fetch). Browsers block audio
 * before the user interacted with the page, so before any gesture it stays silent.
 */
export function chime(): void {
  if (!navigator.userActivation?.hasBeenActive) return;
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.12, 1320],
    ] as const) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.08, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      tone.connect(gain).connect(audio.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.3);
    }
  } catch {
    // No audio device or a blocked context: the badge and title still tell.
  }
}
