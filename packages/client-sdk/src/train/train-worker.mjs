// Worker-thread entry. Plain JavaScript so Node loads it natively; it registers tsx's loader
// and then runs the TypeScript worker body (a built package would point at compiled JS).
import { register } from 'tsx/esm/api';
register();
await import('./train-worker-main.ts');
