// The page script's entry: scripts/page-script.ts bundles from here.
import { startMapPage } from './main.ts';

startMapPage();
