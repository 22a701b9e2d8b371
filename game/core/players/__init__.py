"""Who plays the computer seats: negotiators behind one interface, and what one party can estimate of another."""
