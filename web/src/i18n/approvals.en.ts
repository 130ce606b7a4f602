// English: the funding approvals page and its national indicators; the type demands exactly the keys of approvals.id.ts.
import type { approvalsId } from './approvals.id.ts';

export const approvalsEn: Record<keyof typeof approvalsId, string> = {
  'approvals.indicators.title': 'Centre indicators',
  'approvals.indicators.allCentres': 'All centres',
  'approvals.indicators.deliveries': 'Chairs delivered',
  'approvals.indicators.medianDays': 'Median days from referral to delivery',
  'approvals.indicators.p90Days': 'P90 days from referral to delivery',
  'approvals.indicators.fitted': 'Delivered after a good fitting',
  'approvals.indicators.trained': 'Delivered after training',
  'approvals.indicators.followedUp': 'Followed up within 6 months',
  'approvals.indicators.complete': 'Fitted, trained and followed up',
  'approvals.indicators.overdue': 'Overdue follow-ups',
  'approvals.indicators.byStep': 'Requests by step',
  'approvals.indicators.count': 'Count',
  'approvals.indicators.days': '{days} days',
  'approvals.indicators.none': '–',
  'approvals.indicators.csvId': 'Download CSV (Bahasa Indonesia)',
  'approvals.indicators.csvEn': 'Download CSV (English)',
  'approvals.indicators.note': 'The follow-up share counts deliveries at least 6 months old or already followed up.',
  'approvals.title': 'Approvals & indicators',
  'approvals.waiting': 'Waiting for a funding decision',
  'approvals.none': 'No requests are waiting for approval.',
  'approvals.since': 'Waiting since',
};
