/** Only http(s) addresses become links (never javascript: or data:). */
export const isWebAddress = (value: string): boolean => /^https?:\/\//i.test(value);
