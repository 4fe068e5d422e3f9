import argon2 from 'argon2';
import type { PasswordHasher } from '@vigil/core';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 passes): ~30 ms a hash on this class of PC. */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
  async verify(hash, password) {
    try {
      return await argon2.verify(hash, password);
    } catch (err) {
      // A malformed stored hash is a data error, not a wrong password: say so loudly.
      throw new Error(`stored password hash is unreadable: ${(err as Error).message}`);
    }
  },
};
