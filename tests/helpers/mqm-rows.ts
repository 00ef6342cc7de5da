/** Google's WMT MQM TSV header, and a row from its fields, for test fixtures. */
export const MQM_HEADER = 'system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment';
export const mqmRow = (...fields: string[]) => fields.join('\t');
