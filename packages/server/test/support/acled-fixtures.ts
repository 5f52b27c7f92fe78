/**
 * Small ACLED files for the tests, written by hand: no real ACLED file may be shipped
 * (licensing). The places are real; every event is invented and says "test fixture".
 */
export const CURRENT_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

export const ACLED_CURRENT = `${CURRENT_HEADER}
UKR1001,2014-09-20,2014,1,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Ukraine (2014-2019),,1,DPR: Donetsk People's Republic,,2,12,,804,Europe,Ukraine,Donetsk,Donetskyi,Donetska,Donetsk - Airport,48.0733,37.7397,1,Reuters; Ukrainska Pravda,International-National,"Test fixture, not a real event: on 20 September 2014, shelling near the airport.
Two killed, per the fixture.",2,,1600000001
UKR1002,21 September 2014,2014,2,Political violence,Battles,Armed clash,DPR: Donetsk People's Republic,Militia (Pro-Russia),2,Military Forces of Ukraine (2014-2019),Police Forces of Ukraine (2014-2019); Civilians (Ukraine),1,12,,804,Europe,Ukraine,Donetsk,Horlivskyi,Horlivska,Horlivka,48.3336,38.0925,2,Interfax-Ukraine,National,"Test fixture: a ""clash"" during the week of 21 September 2014.",0,,1600000002
UKR1003,2014-09-22,2014,3,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Unidentified Armed Group (Ukraine),,3,,,0,30,,804,Europe,Ukraine,Luhansk,Luhanskyi,Luhanska,Luhansk,48.5740,39.3078,3,OSCE SMM,Other,"Test fixture: shelling in September 2014, day unknown.",5,,1600000003
UKR1004,2014-09-23,2014,1,Political violence,Battles,Armed clash,Military Forces of Ukraine (2014-2019),,1,,,0,10,,804,Europe,Ukraine,Donetsk,Volnovaskyi,,Volnovakha,95.1,37.5,1,Reuters,International,Test fixture: latitude outside WGS84.,0,,1600000004
UKR1005,,2014,1,Political violence,Battles,Armed clash,Military Forces of Ukraine (2014-2019),,1,,,0,10,,804,Europe,Ukraine,Donetsk,Volnovaskyi,,Volnovakha,47.6,37.5,1,Reuters,International,Test fixture: no date.,0,,1600000005
UKR1006,2014-09-24,2014,1,Political violence,Battles,Armed clash,Military Forces of Ukraine (2014-2019),,1,,,0,10,,804,Europe,Ukraine,Donetsk,Mariupolskyi,,Mariupol,47.0951,37.5413,1,Reuters,International,Test fixture: fatalities not a number.,several,,1600000006
UKR1007,2014-09-25,2014,1,Political violence,Violence against civilians,Attack,Unidentified Armed Group (Ukraine),,3,Civilians (Ukraine),,7,37,Civilian targeting,804,Europe,Ukraine,Donetsk,Mariupolskyi,Mariupolska,Mariupol - Vostochnyi,47.1284,37.6743,1,Ukrainska Pravda,National,"Test fixture: civilians targeted; notes with a comma, and a line break
in the middle.",1,,1600000007
UKR1008,2014-09-26,2013,1,Political violence,Explosions/Remote violence,Remote explosive/landmine/IED,Unidentified Armed Group (Ukraine),,3,,,0,30,,804,Europe,Ukraine,Donetsk,Donetskyi,Donetska,Donetsk,48.0159,37.8028,1,Ostrov,Subnational,Test fixture: year column disagrees with the date.,0,,1600000008
`;

export const LEGACY_HEADER =
  'data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3';

export const ACLED_LEGACY = `${LEGACY_HEADER}
9001,804,UKR2001,2001,05 October 2014,2014,1,Battles,Armed clash,Military Forces of Ukraine (2014-2019),,1,LPR: Luhansk People's Republic,,2,12,Europe,Ukraine,Luhansk,Popasnianskyi,,Popasna,48.6333,38.3833,1,Kyiv Post,National,"Test fixture, legacy layout: a clash at Popasna.",3,1580000001,UKR
9002,804,UKR2002,2002,2014-10-06,2014,1,Explosions/Remote violence,Shelling/artillery/missile attack,DPR: Donetsk People's Republic,,2,,,0,20,Europe,Ukraine,Donetsk,Bakhmutskyi,,Debaltseve,48.3406,38.4047,2,RIA Novosti; Reuters,International-National,Test fixture: shelling near Debaltseve.,0,1580000002,UKR
9003,804,UKR2003,2003,2014-10-07,too,short
9004,804,UKR2004,2004,7 October 2014,2014,2,Strategic developments,Agreement,Military Forces of Ukraine (2014-2019),,1,DPR: Donetsk People's Republic,,2,12,Europe,Ukraine,Donetsk,Donetskyi,,Donetsk,48.0159,37.8028,3,OSCE SMM,Other,Test fixture: a local agreement on a ceasefire at Donetsk.,0,1580000004,UKR
`;
