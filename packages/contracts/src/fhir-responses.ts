import { z } from 'zod';

/**
 * A FHIR R4 resource of the facade (DESIGN.md "Interoperability"). FHIR defines its elements; the
 * schema checks the resource type and passes the resource through as the mapper built it.
 */
function fhirResource<T extends string>(resourceType: T) {
  return z
    .custom<{ resourceType: T }>((v) => typeof v === 'object' && v !== null && (v as { resourceType?: unknown }).resourceType === resourceType, `a FHIR ${resourceType}`)
    .meta({
      type: 'object',
      description: `FHIR R4 ${resourceType}: https://hl7.org/fhir/R4/${resourceType.toLowerCase()}.html`,
      properties: { resourceType: { type: 'string', enum: [resourceType] } },
      required: ['resourceType'],
      additionalProperties: true,
    });
}

/** GET /fhir/ServiceRequest/:id: a referral or a diagnostic order as a ServiceRequest. */
export const fhirServiceRequest = fhirResource('ServiceRequest');
/** GET /fhir/DiagnosticReport/:id: the signed report of a diagnostic order. */
export const fhirDiagnosticReport = fhirResource('DiagnosticReport');
/** GET /fhir/{Task,DiagnosticReport,Observation,ImagingStudy}?based-on=…: a searchset Bundle. */
export const fhirSearchBundle = fhirResource('Bundle');
