package org.opregister.core;

/** No record of that kind has that id (or it is not one the request may reach): status 404. */
public class UnknownRecordException extends RuntimeException {

    public UnknownRecordException(Class<?> type, Object id) {
        super("no " + type.getSimpleName() + " " + id);
    }
}
