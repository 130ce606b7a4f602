// The ids of the seeded demo world that access tests are about: two centres, their staff, and
// four families each linked to one beneficiary (two per centre).
import type { Harness } from './harness.ts';
import { CENTRE_A, CENTRE_B } from './harness.ts';

export const EMAIL = {
  admin: 'admin@demo.atensi.id',
  managerA: 'manajer.bekasi@demo.atensi.id',
  therapistA: 'terapis1.bekasi@demo.atensi.id',
  therapistA2: 'terapis2.bekasi@demo.atensi.id',
  technicianA: 'teknisi.bekasi@demo.atensi.id',
  managerB: 'manajer.temanggung@demo.atensi.id',
  therapistB: 'terapis1.temanggung@demo.atensi.id',
  technicianB: 'teknisi.temanggung@demo.atensi.id',
  familyA1: 'keluarga.siti@demo.atensi.id',
  familyA2: 'keluarga.bambang@demo.atensi.id',
  familyB1: 'keluarga.sutrisno@demo.atensi.id',
  familyB2: 'keluarga.wahyu@demo.atensi.id',
} as const;

export type WorldUser = keyof typeof EMAIL;

export interface World {
  centreA: string;
  centreB: string;
  /** User ids by the keys of EMAIL. */
  user: Record<WorldUser, string>;
  /** The beneficiary linked to each demo family. */
  beneficiaryOf: Record<'familyA1' | 'familyA2' | 'familyB1' | 'familyB2', string>;
  beneficiariesA: string[];
  beneficiariesB: string[];
}

export async function loadWorld(h: Harness): Promise<World> {
  const db = h.db.prisma;
  const [a, b] = await Promise.all([CENTRE_A, CENTRE_B].map((code) => db.centre.findUniqueOrThrow({ where: { code } })));
  const users = await db.user.findMany({ where: { email: { in: Object.values(EMAIL) } }, include: { familyLinks: true } });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const user = {} as World['user'];
  for (const [key, email] of Object.entries(EMAIL) as [WorldUser, string][]) {
    const u = byEmail.get(email);
    if (!u) throw new Error(`demo user ${email} is missing`);
    user[key] = u.id;
  }
  const linked = (key: WorldUser) => {
    const links = byEmail.get(EMAIL[key])!.familyLinks;
    if (links.length !== 1) throw new Error(`${key} should have exactly one link in the demo data`);
    return links[0]!.beneficiaryId;
  };
  const ids = async (centreId: string) =>
    (await db.beneficiary.findMany({ where: { centreId }, select: { id: true } })).map((x) => x.id);
  return {
    centreA: a!.id,
    centreB: b!.id,
    user,
    beneficiaryOf: { familyA1: linked('familyA1'), familyA2: linked('familyA2'), familyB1: linked('familyB1'), familyB2: linked('familyB2') },
    beneficiariesA: await ids(a!.id),
    beneficiariesB: await ids(b!.id),
  };
}
