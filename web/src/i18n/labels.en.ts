// English: chair QR labels and the page a label links to; the type demands exactly the keys of labels.id.ts.
import type { labelsId } from './labels.id.ts';

export const labelsEn: Record<keyof typeof labelsId, string> = {
  'labels.title': 'Wheelchair QR label',
  'labels.titleFor': 'QR label {serial}',
  'labels.intro': 'Print this label and stick it on the wheelchair. Staff who scan it open the chair\'s page; families open the problem report form.',
  'labels.print': 'Print label',
  'labels.printLink': 'Print QR label',
  'labels.back': 'Back to the wheelchair',
  'labels.qrAlt': 'QR code of wheelchair {serial}',
  'labels.scan': 'Scan to report a problem',
  'labels.opening': 'Opening the wheelchair',
  'labels.notYours': 'This wheelchair is not linked to your account.',
  'labels.noBeneficiary': 'No beneficiary uses this wheelchair yet.',
  'labels.home': 'Go to home',
};
