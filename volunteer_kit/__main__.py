from volunteer_kit.cli import main

raise SystemExit(main())
