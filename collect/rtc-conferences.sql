-- migkb: the scheduled conferences of one Front End pool's user store (the rtc database), one row per conference.
-- Read-only. Run it against each Front End pool's back end (Enterprise Edition) or the Standard Edition server's
-- RTCLOCAL instance, and save the result as CSV, e.g.:
--   Invoke-Sqlcmd -ServerInstance "fe01.contoso.com\RTCLOCAL" -Database rtc -InputFile rtc-conferences.sql |
--       Export-Csv rtc-conferences-fe01.csv -NoTypeInformation -Encoding UTF8
-- migkb reads the columns below by name; docs/inputs.md ("Scheduled meetings: the conference database") says what
-- each means and where that comes from.
--
-- Locked: the conference's own Locked column (1 = locked by the organizer). Microsoft documents neither this table
-- nor its values; where a customer's data says otherwise, change the expression here (for instance
-- "CASE WHEN c.AdmissionType = 2 THEN 1 ELSE c.Locked END") and migkb reads what it gives.
-- ExpiryTime: written as ISO 8601 (style 126), so that the file reads the same in every locale; empty: no expiry.
SELECT
    r.UserAtHost                                 AS OrganizerUri,
    c.ExternalConfId                             AS ExternalConfId,
    c.Static                                     AS Static,
    c.Locked                                     AS Locked,
    c.AdmissionType                              AS AdmissionType,
    CONVERT(varchar(19), c.ExpiryTime, 126)      AS ExpiryTime,
    CONVERT(varchar(19), c.LastUpdateTime, 126)  AS LastUpdateTime,
    c.Title                                      AS Title
FROM rtc.dbo.Conference AS c
JOIN rtc.dbo.Resource AS r ON r.ResourceId = c.OrganizerId
ORDER BY r.UserAtHost, c.ExternalConfId;
