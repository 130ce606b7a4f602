// Entry point of the web app: defining the root element starts everything else.
import './app/app-shell.component.ts';
import { startPwa } from './pwa/start.ts';

startPwa();
