/** Controls shared by every cxkit story: the page-wide settings of <cx-config>. */
export interface ConfigArgs {
  locale: 'en' | 'ko';
  theme: 'light' | 'dark';
}

export const configArgTypes = {
  locale: { control: 'inline-radio', options: ['en', 'ko'], description: '`<cx-config locale>`' },
  theme: {
    control: 'inline-radio',
    options: ['light', 'dark'],
    description: '`<cx-config theme>`',
  },
} as const;

export const configArgs: ConfigArgs = { locale: 'en', theme: 'light' };

/** Story canvas background that follows the theme, so dark widgets are judged on a dark page. */
export const pageStyle = (theme: string) =>
  `min-height: 600px; padding: 16px; background: ${theme === 'dark' ? '#0d1117' : '#ffffff'}; color: ${theme === 'dark' ? '#e6edf3' : '#111827'}`;
