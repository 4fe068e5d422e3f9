import { z } from 'zod';
import { text } from './common';

export const Role = z.enum(['admin', 'operator', 'officer', 'unit-viewer', 'checkpoint', 'auditor']);
export type Role = z.infer<typeof Role>;

export const Username = z.string().trim().min(3).max(64).regex(/^[a-zA-Z0-9_.@-]+$/, 'letters, digits, _ . @ - only');
export const Password = z.string().min(8, 'at least 8 characters').max(200);

/** A user as the API shows it (never the hash). */
export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserCreate = z.object({
  username: Username,
  displayName: text(200),
  password: Password,
  role: Role,
  unitId: z.string().min(1).max(64),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.object({
  displayName: text(200).optional(),
  role: Role.optional(),
  unitId: z.string().min(1).max(64).optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const LoginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export const LoginResult = z.object({ token: z.string(), expiresAt: z.string(), user: User });
export const PasswordChange = z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password });
