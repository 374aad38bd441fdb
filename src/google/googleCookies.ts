/** Cookies Google Analytics and Ads may set; `*` matches any suffix. Swept without consent. */
export const GOOGLE_COOKIES = ['_ga', '_ga_*', '_gid', '_gat*', '_gcl_*'] as const;
