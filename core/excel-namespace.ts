/**
 * The namespace Excel puts before every KPI Pilot function (=KPIPILOT.CAC(...)). One constant for
 * the manifest, the dashboard's Excel formulas and the docs. The product's name rather than the
 * generic "KPI": Microsoft's naming guidance asks for a vendor prefix, since two add-ins with the
 * same namespace and function name show #REF!. docs/contributing/decisions.md gives the measurements.
 */
export const EXCEL_NAMESPACE = 'KPIPILOT';
