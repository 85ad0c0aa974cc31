/** HTCDS v2.0 (IOM's Human Trafficking Case Data Standard): fields, code lists, labels, values. */
export * from './fields';
export * from './code-lists';
export * from './record';
export * from './values';
export * from './isic';
export * from './ilo-indicators';
export * from './labels';
