# Mentore · mentor · en

## Mentor dashboard: the people who fund places.

dashboard-mentor-title = Mentor dashboard
dashboard-mentor-events-title = Events to support
dashboard-mentor-events-text = The next courses and events where you can fund places.
