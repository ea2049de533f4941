import { mountSidebar } from '../sidebar/app';
import { createExcelBridge } from './dashboard/bridge';

/**
 * The Excel task pane (dist/office-addin/taskpane.html): once Office.js is ready, the same
 * sidebar as in Sheets and the playground, on the Excel bridge.
 */
Office.onReady(() => {
  void mountSidebar(document.getElementById('app') as HTMLElement, createExcelBridge());
});
