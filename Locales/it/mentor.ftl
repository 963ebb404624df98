# Mentore · mentor · it

## Mentor dashboard: the people who fund places.

dashboard-mentor-title = Area mentor
dashboard-mentor-events-title = Eventi da sostenere
dashboard-mentor-events-text = I prossimi corsi ed eventi in cui puoi finanziare dei posti.
