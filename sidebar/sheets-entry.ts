import { mountSidebar } from './app';
import { createSheetsBridge } from './bridges/sheets';

/** The script of dist/apps-script/sidebar.html (inlined by scripts/build.ts, compiled to ES5). */
void mountSidebar(document.getElementById('app') as HTMLElement, createSheetsBridge());
