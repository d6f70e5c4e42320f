// Evaluated before any schema is built (first import of the entry): zod decides jit or not per schema, at construction.
import * as z from 'zod';

if (process.env.ZOD_JITLESS === '1') z.config({ jitless: true });
