package io.migkb.model;

/** An Outlook add-in used to schedule meetings. */
public enum AddIn {
    /** The Conferencing Add-in for Microsoft Office Outlook (schedules Live Meeting server and service meetings). */
    CONFERENCING_ADDIN,
    ONLINE_MEETING_ADDIN_2010,
    ONLINE_MEETING_ADDIN_2013
}
