// Imported first by main.tsx, before any schema is built. zod compiles fast object parsers with
// new Function() when it may, deciding when each schema is constructed; the CSP (script-src 'self')
// forbids eval, and even zod's probe for it is reported as a violation. Interpreted parsing is enough.
import { z } from 'zod';

z.config({ jitless: true });
