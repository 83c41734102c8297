import { testTier } from './vitest.config.js';

// `npm run test:slow`: only the `*.slow.test.ts` files (see vitest.config.ts).
export default testTier('slow');
