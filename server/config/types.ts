/** A site that embeds cx widgets. */
export interface SiteConfig {
  /** Public site key used by `<cx-config site-key>`. */
  key: string;
  /** Human name, shown to agents. */
  name: string;
  /** Allowed page origins: exact (`https://shop.example`) or any port (`http://localhost:*`). */
  origins: string[];
  /** Demo sites accept loopback origins and hand out one-click agent tokens. */
  demo: boolean;
  /** Shared secret a CRM backend uses to mint agent tokens. */
  agentSecret?: string;
}

export interface HubConfig {
  sites: SiteConfig[];
  /** HMAC secret for tokens; when absent the hub generates one and keeps it in the database. */
  tokenSecret?: string;
}

/** Settings that come from the environment rather than the config file. */
export interface HubEnv {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
}
