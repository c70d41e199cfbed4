<#
.SYNOPSIS
    Collects, into one new folder, what migkb reads of a Lync Server 2010 or 2013 deployment. Read-only.

.DESCRIPTION
    Run it in the Lync Server Management Shell on a Front End server, as a member of CsViewOnlyAdministrator (or
    any Cs*Administrator) with read access (db_datareader) to the pools' rtc databases and the Monitoring database
    (LcsCDR). It writes, as CSV with UTF-8:
      Get-CsUser.csv, Get-CsPool.csv, Get-CsService-Registrar.csv, simple-urls.csv  (the topology and the users)
      rtc-conferences-<instance>.csv                                               (rtc-conferences.sql, per user store)
      lcscdr-participants.csv, lcscdr-client-versions.csv                           (the two LcsCDR queries)
    and nothing else: it changes no setting, moves no user and writes no database. Give the folder to migkb as it
    is: bin/migkb assess <folder>. docs/collect.md says what each file feeds.

.PARAMETER OutFolder
    The folder to write; it must not exist yet.

.PARAMETER UserDatabase
    The SQL Server instances of the user stores (server\instance), when Get-CsService -UserDatabase is not to be
    asked, e.g. "sql01.contoso.com\rtc".

.PARAMETER MonitoringDatabase
    The SQL Server instance of the Monitoring database, when Get-CsService -MonitoringDatabase is not to be asked.

.EXAMPLE
    .\Collect-MigkbInventory.ps1 -OutFolder C:\migkb\contoso-2014-03-02
#>
param(
    [Parameter(Mandatory = $true)][string] $OutFolder,
    [string[]] $UserDatabase,
    [string] $MonitoringDatabase
)

$ErrorActionPreference = 'Stop'
$queries = Split-Path -Parent $MyInvocation.MyCommand.Path

if (Test-Path -LiteralPath $OutFolder) {
    throw "$OutFolder already exists: give a new folder, so that no earlier collection is mixed in"
}
New-Item -ItemType Directory -Path $OutFolder | Out-Null

function Save-Csv([object[]] $Rows, [string] $Name) {
    # Invoke-Sqlcmd's rows carry the DataRow properties besides the columns: only the columns are kept.
    $Rows | Select-Object * -ExcludeProperty RowError, RowState, Table, ItemArray, HasErrors |
        Export-Csv -LiteralPath (Join-Path $OutFolder $Name) -NoTypeInformation -Encoding UTF8
    Write-Host "wrote $Name ($(@($Rows).Count) rows)"
}

function Get-Instance($Service) {
    if ($Service.SqlInstanceName) { "$($Service.PoolFqdn)\$($Service.SqlInstanceName)" } else { "$($Service.PoolFqdn)" }
}

function Get-QueryResult([string] $Instance, [string] $Database, [string] $File) {
    Invoke-Sqlcmd -ServerInstance $Instance -Database $Database -InputFile (Join-Path $queries $File) -QueryTimeout 3600
}

# The users and the topology
Save-Csv (Get-CsUser) 'Get-CsUser.csv'
Save-Csv (Get-CsPool) 'Get-CsPool.csv'
Save-Csv (Get-CsService -Registrar) 'Get-CsService-Registrar.csv'
Save-Csv (Get-CsSimpleUrlConfiguration | Select-Object -ExpandProperty SimpleUrl |
    Select-Object Component, Domain, ActiveUrl) 'simple-urls.csv'

# The scheduled meetings: one file per user store
if (-not $UserDatabase) {
    $UserDatabase = @(Get-CsService -UserDatabase | ForEach-Object { Get-Instance $_ })
}
foreach ($instance in $UserDatabase) {
    $name = 'rtc-conferences-' + ($instance -replace '[\\/:*?"<>| ]', '_') + '.csv'
    Save-Csv (Get-QueryResult $instance 'rtc' 'rtc-conferences.sql') $name
}

# Who joined, and every user's clients: the Monitoring database
if (-not $MonitoringDatabase) {
    $MonitoringDatabase = @(Get-CsService -MonitoringDatabase | ForEach-Object { Get-Instance $_ }) | Select-Object -First 1
}
if ($MonitoringDatabase) {
    Save-Csv (Get-QueryResult $MonitoringDatabase 'LcsCDR' 'lcscdr-conference-participants.sql') 'lcscdr-participants.csv'
    Save-Csv (Get-QueryResult $MonitoringDatabase 'LcsCDR' 'lcscdr-client-versions.sql') 'lcscdr-client-versions.csv'
} else {
    Write-Warning 'no Monitoring database: without it migkb knows no participants and only the registrations given'
}
Write-Host "done: bin/migkb assess $OutFolder"
