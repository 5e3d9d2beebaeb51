s4417-----
r s BC-HKO--Asia-Cup-Pakistan     11-26 0318
^BC-HKO--Asia Cup-Pakistan,318<
^Pakistan beats Malaysia in shootout to reach Asian Hockey Cup final<
^By Sameer Khan=
^Associated Press=
	   IPOH, Malaysia (AP) _ Goalkeeper Waqas Anjum saved three penalties in the shootout as Pakistan beat Malaysia 3-1 on penalties to reach the final of the Asian Hockey Cup on Thursday, after the semifinal ended 2-2 in regulation.
	   Malaysia led twice through penalty corners from Azlan Razak, and Pakistan needed a field goal from Rizwan Haider with four minutes left to force the shootout.
	   ``We practiced the shootout every evening this week and nobody wanted to,'' Anjum said. ``Tonight they were glad we did.''
	   Pakistan, playing its first continental final since 2017, meets South Korea on Saturday. The Koreans beat Japan 4-1 in the other semifinal.
	   Malaysia coach Tan Wei Ming said his team had been the better side for three quarters _ ``but a semifinal is not won on the scoreboard at halftime.''
	   AP-WF-11-26-26 1342GMT<


