// English: the not-found page; the type demands exactly the keys of not-found.id.ts.
import type { notFoundId } from './not-found.id.ts';

export const notFoundEn: Record<keyof typeof notFoundId, string> = {
  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not exist or is not available to your account.',
  'notFound.home': 'Back to home',
};
