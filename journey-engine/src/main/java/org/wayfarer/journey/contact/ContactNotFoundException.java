package org.wayfarer.journey.contact;

/** No contact with this id exists for the tenant (it may exist for another tenant: callers must not tell). */
public class ContactNotFoundException extends RuntimeException {

    private final long contactId;

    public ContactNotFoundException(long contactId) {
        super("contact " + contactId + " not found");
        this.contactId = contactId;
    }

    public long contactId() {
        return contactId;
    }
}
