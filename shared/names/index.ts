/** Names and identifiers: transliteration, skeletons, normalisation and comparison. */
export * from './translit/engine';
export * from './translit/kazakh';
export * from './translit/russian';
export * from './translit/uzbek';
export * from './translit/kyrgyz';
export * from './translit/tajik';
export * from './skeleton';
export * from './similarity';
export * from './person-name';
export * from './name-compare';
export * from './dates';
export * from './phone';
export * from './document';
