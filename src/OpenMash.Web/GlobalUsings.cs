// The agency types are the sharing policy's own list: one enum for the database, the pages and the policy engine.
global using AgencyType = OpenMash.Sharing.AgencyType;
