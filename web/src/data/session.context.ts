// The signed-in user, provided by the app shell to every page through @lit/context.
import { createContext } from '@lit/context';
import type { Me } from '../../../schemas/auth.ts';

export const meContext = createContext<Me | undefined>(Symbol('atensi-me'));
