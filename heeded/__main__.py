from heeded.cli import main

main()
