package io.dativo.ingest.source;

import java.util.List;

/** A source that can list what it offers, so users can write the asset (dativo discover). */
public interface SourceCatalog {

  /** The objects the source offers, each with its fields. */
  List<SourceObject> discover();

  /** One object (a Stripe object type, a HubSpot CRM object) and its fields. */
  record SourceObject(String name, List<Field> fields) {
    public SourceObject {
      fields = List.copyOf(fields);
    }
  }

  /** A field with the ODCS logical type it maps to. */
  record Field(String name, String logicalType) {}
}
