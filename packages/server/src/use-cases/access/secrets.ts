import { createHash, randomBytes } from 'node:crypto';

// Secrets are stored only as SHA-256: they are long random values, so a fast hash is enough,
// and a leaked table does not let anyone sign in.
export const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const secret = () => randomBytes(32).toString('base64url');
// Argon2id with the library's defaults (19 MiB, 2 passes): OWASP's minimum for interactive logins.
export const ARGON = { algorithm: 2 as const };
