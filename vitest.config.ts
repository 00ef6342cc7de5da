import { defineConfig } from 'vitest/config';

// Unit tests only: Playwright's *.e2e.ts files would match vitest's default glob.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
