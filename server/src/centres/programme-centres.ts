// The ATENSI programme's centre list (server/src/centres/programme-centres.json, copied from the
// programme's reference data), checked against the centre schema when loaded: the one list that
// both "load the programme's centres" and the demo seed use.
import { z } from 'zod';
import { CreateCentreBody } from '../../../schemas/centres.ts';
import data from './programme-centres.json' with { type: 'json' };

const ProgrammeCentres = z.object({ source: z.string(), centres: z.array(CreateCentreBody).min(1) });

export const programmeCentres = ProgrammeCentres.parse(data).centres;
